namespace Reseller.Web.Api;

/// <summary>
/// What a partner changes on one account beyond its plan (Accounts service): turning a trial or an expired account into a paid
/// one, its settings and card, its admin password, taking payment back from the customer, and a new account from a snapshot.
/// </summary>
public sealed class AccountSettingsApi(GatewayApi api)
{
    private static string Path(string id, string rest = "") => $"/api/v1/accounts/{Uri.EscapeDataString(id)}{rest}";

    /// <summary>A trial or an expired account becomes paid with a plan change charged to the partner's card.</summary>
    public Task<ApiResult<Account>> ConvertAsync(string id, PlanRequest plan, string billingProfileId, CancellationToken cancellationToken = default) =>
        api.PatchAsync<Account>(Path(id), new { plan, billing_profile_id = billingProfileId }, cancellationToken);

    /// <summary>Only the fields given (not null) change.</summary>
    public Task<ApiResult<Account>> UpdateSettingsAsync(string id, AccountSettingsChange change, CancellationToken cancellationToken = default) =>
        api.PatchAsync<Account>(Path(id), change, cancellationToken);

    public Task<ApiResult<NoContent>> SetAdminPasswordAsync(string id, string password, CancellationToken cancellationToken = default) =>
        api.PutAsync<NoContent>(Path(id, "/admin-password"), new { password }, cancellationToken);

    /// <summary>The partner pays again, with one of its own cards.</summary>
    public Task<ApiResult<Account>> TakePaymentBackAsync(string id, string billingProfileId, CancellationToken cancellationToken = default) =>
        api.PutAsync<Account>(Path(id, "/payer"), new { payer = "partner", billing_profile_id = billingProfileId }, cancellationToken);

    /// <summary>The snapshot fills the plan, language and time zone; the key is the form's own, so a resend creates one account.</summary>
    public Task<ApiResult<Account>> CreateFromSnapshotAsync(SnapshotAccountRequest request, string idempotencyKey, CancellationToken cancellationToken = default) =>
        api.PostAsync<Account>("/api/v1/accounts", request, idempotencyKey, cancellationToken);
}
