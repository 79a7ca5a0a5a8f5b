namespace Reseller.Web.Api;

/// <summary>The branding and templates every new account starts with (Accounts service).</summary>
public sealed class AccountDefaultsApi(GatewayApi api)
{
    private const string Path = "/api/v1/settings/account-defaults";

    public Task<ApiResult<AccountDefaults>> GetAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<AccountDefaults>(Path, cancellationToken);

    public Task<ApiResult<AccountDefaults>> ReplaceAsync(Branding branding, IReadOnlyList<MessageTemplate> templates, bool applyToExisting, CancellationToken cancellationToken = default) =>
        api.PutAsync<AccountDefaults>(Path, new { branding, templates, apply_to_existing = applyToExisting }, cancellationToken);
}
