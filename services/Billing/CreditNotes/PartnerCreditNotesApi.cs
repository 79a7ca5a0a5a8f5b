using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Access;
using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// The credit notes of the invoices the caller sees, newest first: a partner's on its partner-paid invoices, a customer's on
/// its own account's customer-paid ones (the same split as GET /invoices). The operator issues them (admin billing routes).
/// </summary>
public static class PartnerCreditNotesApi
{
    public static IEndpointRouteBuilder MapPartnerCreditNotesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/credit-notes", ListAsync).WithTags("Billing").RequireAuthorization(BillingPolicies.Payer)
            .WithName("ListMyCreditNotes").WithSummary("List the credit notes of the caller's invoices").ProducesProblem(400);
        return app;
    }

    public static async Task<Ok<Page<CreditNoteResponse>>> ListAsync(
        ClaimsPrincipal user,
        BillingDb db,
        [FromQuery(Name = "account_id")] string? accountId,
        [FromQuery(Name = "page_size")] string? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        CancellationToken cancellationToken)
    {
        int? size = pageSize is null ? null
            : int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var requested) ? requested
            : throw ValidationErrors.Reject("page_size", $"page_size must be between 1 and {PageSize.Max}.");
        var caller = BillingCaller.From(user);
        var notes = db.CreditNotes.AsNoTracking().Where(c => c.PartnerId == caller.PartnerId);
        notes = caller.AccountId is { } own
            ? notes.Where(c => c.AccountId == own && c.Payer == Payers.Customer)
            : notes.Where(c => c.Payer == Payers.Partner);
        if (accountId is not null)
        {
            if (!PublicId.TryParse(InvoiceResponse.AccountIdPrefix, accountId, out var account))
            {
                return TypedResults.Ok(new Page<CreditNoteResponse>([], null));
            }
            notes = notes.Where(c => c.AccountId == account);
        }
        return TypedResults.Ok(await KeysetPage.ReadAsync(notes, c => c.Id, ListSortDirection.Descending, size, pageToken, CreditNoteResponse.From, cancellationToken));
    }
}
