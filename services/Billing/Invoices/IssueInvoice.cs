namespace Reseller.Billing.Invoices;

public sealed record IssueInvoice(Guid PartnerId, Guid? AccountId, string Payer, string Purpose, DateOnly PeriodStart, DateOnly PeriodEnd, string? Reference = null);
