namespace Reseller.Web.Api;

/// <summary>What a partner does to one account (Accounts and Billing services): change its plan after a quote, cancel, renew, log in as its client, customer access, snapshots and audit.</summary>
public sealed class AccountActionsApi(GatewayApi api)
{
    private static string Path(string id, string rest = "") => $"/api/v1/accounts/{Uri.EscapeDataString(id)}{rest}";

    /// <summary>The change priced by the code that will bill it: what is due now and what the renewal costs.</summary>
    public Task<ApiResult<ChangeQuote>> QuoteChangeAsync(string accountId, PlanRequest plan, CancellationToken cancellationToken = default) =>
        api.PostAsync<ChangeQuote>("/api/v1/quotes", new { plan, account_id = accountId }, cancellationToken: cancellationToken);

    public Task<ApiResult<Account>> ChangePlanAsync(string id, PlanRequest plan, CancellationToken cancellationToken = default) =>
        api.PatchAsync<Account>(Path(id), new { plan }, cancellationToken);

    public Task<ApiResult<Account>> CancelAsync(string id, CancellationToken cancellationToken = default) =>
        api.PostAsync<Account>(Path(id, "/cancel"), new { }, cancellationToken: cancellationToken);

    public Task<ApiResult<Account>> RenewAsync(string id, CancellationToken cancellationToken = default) =>
        api.PostAsync<Account>(Path(id, "/renew"), new { }, cancellationToken: cancellationToken);

    public Task<ApiResult<LoginLink>> LoginLinkAsync(string id, CancellationToken cancellationToken = default) =>
        api.PostAsync<LoginLink>(Path(id, "/login-link"), new { }, cancellationToken: cancellationToken);

    public Task<ApiResult<ListPage<AccountInvitation>>> InvitationsAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<AccountInvitation>>(Path(id, "/invitations?page_size=200"), cancellationToken);

    public Task<ApiResult<AccountInvitation>> InviteAsync(string id, string name, string email, CancellationToken cancellationToken = default) =>
        api.PostAsync<AccountInvitation>(Path(id, "/invitations"), new { name, email }, cancellationToken: cancellationToken);

    public Task<ApiResult<AccountInvitation>> ResendInvitationAsync(string id, string invitationId, CancellationToken cancellationToken = default) =>
        api.PostAsync<AccountInvitation>(Path(id, $"/invitations/{Uri.EscapeDataString(invitationId)}/resend"), new { }, cancellationToken: cancellationToken);

    public Task<ApiResult<NoContent>> WithdrawInvitationAsync(string id, string invitationId, CancellationToken cancellationToken = default) =>
        api.DeleteAsync(Path(id, $"/invitations/{Uri.EscapeDataString(invitationId)}"), cancellationToken);

    public Task<ApiResult<ListPage<AccountUser>>> UsersAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<AccountUser>>(Path(id, "/users?page_size=200"), cancellationToken);

    public Task<ApiResult<NoContent>> RemoveUserAsync(string id, string userId, CancellationToken cancellationToken = default) =>
        api.DeleteAsync(Path(id, $"/users/{Uri.EscapeDataString(userId)}"), cancellationToken);

    public Task<ApiResult<ListPage<AccountSnapshot>>> SnapshotsAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<AccountSnapshot>>(Path(id, "/snapshots?page_size=50"), cancellationToken);

    public Task<ApiResult<AccountSnapshot>> TakeSnapshotAsync(string id, CancellationToken cancellationToken = default) =>
        api.PostAsync<AccountSnapshot>(Path(id, "/snapshots"), new { }, cancellationToken: cancellationToken);

    public Task<ApiResult<ListPage<AuditEntry>>> AuditAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<AuditEntry>>(Path(id, "/audit?page_size=50"), cancellationToken);

    /// <summary>The partner's credit balances and each account's (Credits service); the page picks its account.</summary>
    public Task<ApiResult<AccountCreditsOverview>> CreditsAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<AccountCreditsOverview>("/api/v1/credits", cancellationToken);

    public Task<ApiResult<AccountConfiguration>> ConfigurationAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<AccountConfiguration>(Path(id, "/configuration"), cancellationToken);
}
