namespace Reseller.Web.Api;

/// <summary>Commission earnings, monthly statements and the referral link (Partners service).</summary>
public sealed class CommissionsApi(GatewayApi api)
{
    /// <summary>A month (yyyy-MM; null: the platform's current month) of earnings, its total and its statement once closed.</summary>
    public Task<ApiResult<MonthEarnings>> MonthAsync(string? month, CancellationToken cancellationToken = default) =>
        api.GetAsync<MonthEarnings>(month is null ? "/api/v1/commissions?page_size=200" : $"/api/v1/commissions?month={Uri.EscapeDataString(month)}&page_size=200", cancellationToken);

    public Task<ApiResult<ListPage<CommissionStatement>>> StatementsAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<CommissionStatement>>("/api/v1/commissions/statements?page_size=24", cancellationToken);

    public Task<ApiResult<ReferralLink>> ReferralLinkAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<ReferralLink>("/api/v1/partners/me/referral-link", cancellationToken);
}
