namespace Reseller.Partners.Webhooks;

/// <summary>The event types an endpoint may subscribe to (ping is sent on demand and to every endpoint).</summary>
public static class WebhookEventTypes
{
    public const string AccountCreated = "account.created";
    public const string AccountStatusChanged = "account.status_changed";
    public const string AccountPlanChanged = "account.plan_changed";
    public const string AccountPayerChanged = "account.payer_changed";
    public const string AccountTransferredOut = "account.transferred_out";
    public const string InvoiceIssued = "invoice.issued";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoicePaymentFailed = "invoice.payment_failed";
    public const string InvoiceUncollectible = "invoice.uncollectible";
    public const string CreditNoteIssued = "credit_note.issued";
    public const string CreditsPurchaseCompleted = "credits.purchase_completed";
    public const string CreditsPurchaseFailed = "credits.purchase_failed";
    public const string CommissionEarned = "commission.earned";
    public const string CommissionStatementPaid = "commission.statement_paid";
    public const string Ping = "ping";

    public static readonly IReadOnlySet<string> Subscribable = new HashSet<string>(StringComparer.Ordinal)
    {
        AccountCreated, AccountStatusChanged, AccountPlanChanged, AccountPayerChanged, AccountTransferredOut,
        InvoiceIssued, InvoicePaid, InvoicePaymentFailed, InvoiceUncollectible, CreditNoteIssued,
        CreditsPurchaseCompleted, CreditsPurchaseFailed, CommissionEarned, CommissionStatementPaid,
    };
}
