namespace Reseller.Web.Api;

/// <summary>An account user's own account (Accounts service): its settings and who pays. Its cards and invoices are BillingApi's, with its own token.</summary>
public sealed class CustomerApi(GatewayApi api)
{
    private static string Path(string id, string rest = "") => $"/api/v1/accounts/{Uri.EscapeDataString(id)}{rest}";

    public Task<ApiResult<CustomerAccount>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<CustomerAccount>(Path(id), cancellationToken);

    public Task<ApiResult<CustomerAccount>> UpdateSettingsAsync(string id, string language, string timeZone, CancellationToken cancellationToken = default) =>
        api.PatchAsync<CustomerAccount>(Path(id), new { language, time_zone = timeZone }, cancellationToken);

    /// <summary>The customer pays with one of its own cards, or hands payment back to its agency (no card).</summary>
    public Task<ApiResult<CustomerAccount>> ChangePayerAsync(string id, string payer, string? billingProfileId, CancellationToken cancellationToken = default) =>
        api.PutAsync<CustomerAccount>(Path(id, "/payer"), new { payer, billing_profile_id = billingProfileId }, cancellationToken);
}
