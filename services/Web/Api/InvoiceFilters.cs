namespace Reseller.Web.Api;

/// <summary>What GET /invoices narrows by; an empty or null filter is not applied.</summary>
public sealed record InvoiceFilters(string? Status = null, string? AccountId = null, DateOnly? IssuedFrom = null, DateOnly? IssuedTo = null);
