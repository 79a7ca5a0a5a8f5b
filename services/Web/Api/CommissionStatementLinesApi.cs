namespace Reseller.Web.Api;

/// <summary>One commission statement with its lines (Partners service).</summary>
public sealed class CommissionStatementLinesApi(GatewayApi api)
{
    public Task<ApiResult<CommissionStatementDetail>> StatementAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<CommissionStatementDetail>($"/api/v1/commissions/statements/{Uri.EscapeDataString(id)}", cancellationToken);
}
