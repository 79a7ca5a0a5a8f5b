namespace Reseller.Web.Api;

/// <summary>The operator's console (admin key): partners, any account, transfers, credit notes, payouts, the sandbox clock.</summary>
public sealed class OperatorConsoleApi(GatewayApi api)
{
    public Task<ApiResult<ListPage<OperatorPartner>>> ListPartnersAsync(string query, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<OperatorPartner>>($"/api/v1/admin/partners?{query}", cancellationToken);

    public Task<ApiResult<OperatorPartner>> SuspendPartnerAsync(string id, CancellationToken cancellationToken = default) =>
        api.PostAsync<OperatorPartner>($"/api/v1/admin/partners/{Uri.EscapeDataString(id)}/suspend", null, cancellationToken: cancellationToken);

    public Task<ApiResult<OperatorPartner>> ReactivatePartnerAsync(string id, CancellationToken cancellationToken = default) =>
        api.PostAsync<OperatorPartner>($"/api/v1/admin/partners/{Uri.EscapeDataString(id)}/reactivate", null, cancellationToken: cancellationToken);

    public Task<ApiResult<ListPage<OperatorAccount>>> SearchAccountsAsync(string q, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<OperatorAccount>>($"/api/v1/admin/accounts?page_size=25&q={Uri.EscapeDataString(q)}", cancellationToken);

    public Task<ApiResult<OperatorAccount>> GetAccountAsync(string id, CancellationToken cancellationToken = default) =>
        api.GetAsync<OperatorAccount>($"/api/v1/admin/accounts/{Uri.EscapeDataString(id)}", cancellationToken);

    public Task<ApiResult<OperatorAccount>> TransferOutAsync(string id, string ownerEmail, CancellationToken cancellationToken = default) =>
        api.PostAsync<OperatorAccount>($"/api/v1/admin/accounts/{Uri.EscapeDataString(id)}/transfer-out", new { owner_email = ownerEmail }, cancellationToken: cancellationToken);

    public Task<ApiResult<PendingTransferIn>> TransferInAsync(string id, string partnerId, CancellationToken cancellationToken = default) =>
        api.PostAsync<PendingTransferIn>($"/api/v1/admin/accounts/{Uri.EscapeDataString(id)}/transfer-in", new { partner_id = partnerId }, cancellationToken: cancellationToken);

    /// <summary>Any partner's invoice with its credit notes: what an operator reads before crediting it.</summary>
    public Task<ApiResult<Invoice>> InvoiceToCreditAsync(string invoiceId, CancellationToken cancellationToken = default) =>
        api.GetAsync<Invoice>($"/api/v1/admin/billing/invoices/{Uri.EscapeDataString(invoiceId)}", cancellationToken);

    public Task<ApiResult<CreditNote>> CreateCreditNoteAsync(string invoiceId, long amount, string reason, CancellationToken cancellationToken = default) =>
        api.PostAsync<CreditNote>($"/api/v1/admin/billing/invoices/{Uri.EscapeDataString(invoiceId)}/credit-notes", new { amount, reason }, cancellationToken: cancellationToken);

    public Task<ApiResult<ListPage<CommissionStatement>>> ListStatementsAsync(string query, CancellationToken cancellationToken = default) =>
        api.GetAsync<ListPage<CommissionStatement>>($"/api/v1/admin/commission-statements?{query}", cancellationToken);

    public Task<ApiResult<CommissionStatement>> PayOutAsync(string statementId, string payoutReference, CancellationToken cancellationToken = default) =>
        api.PostAsync<CommissionStatement>($"/api/v1/admin/commissions/statements/{Uri.EscapeDataString(statementId)}/payout", new { payout_reference = payoutReference }, cancellationToken: cancellationToken);

    public Task<ApiResult<SandboxClock>> ReadClockAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<SandboxClock>("/api/v1/admin/clock", cancellationToken);

    public Task<ApiResult<SandboxClock>> MoveClockAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        api.PostAsync<SandboxClock>("/api/v1/admin/clock", new { now }, cancellationToken: cancellationToken);
}
