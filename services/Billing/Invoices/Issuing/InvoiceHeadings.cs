using Microsoft.Extensions.Options;

using Reseller.Billing.Data;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.Invoices.Issuing;

/// <summary>
/// The heading of an invoice about to be issued: the issuer from configuration, the payer's bill-to (the partner's legal
/// details, or the customer's own), its language, the tax rate for the payer's country and the payment term.
/// </summary>
public sealed class InvoiceHeadings(BillingDb db, IOptions<IssuerOptions> issuer, IOptions<InvoicingOptions> invoicing)
{
    public async Task<InvoiceHeading> ForAsync(Guid partnerId, Guid? accountId, string payer, CancellationToken cancellationToken)
    {
        var from = issuer.Value.ToParty();
        var (billTo, language) = payer == Payers.Customer && accountId is { } account
            ? await CustomerAsync(account, cancellationToken)
            : await PartnerAsync(partnerId, cancellationToken);
        var (rate, reverseCharge) = TaxRule.For(from, billTo, invoicing.Value.TaxRates);
        return new InvoiceHeading(from, billTo, language, rate, reverseCharge, Math.Max(0, invoicing.Value.PaymentTermDays));
    }

    private async Task<(InvoiceParty, string)> PartnerAsync(Guid partnerId, CancellationToken cancellationToken) =>
        await db.BilledPartners.FindAsync([partnerId], cancellationToken) is { } partner
            ? (partner.ToParty(), partner.Language)
            : (new InvoiceParty(), InvoiceLanguages.English);

    private async Task<(InvoiceParty, string)> CustomerAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.BilledAccounts.FindAsync([accountId], cancellationToken);
        var customer = await db.BilledCustomers.FindAsync([accountId], cancellationToken) ?? BilledCustomerDefaults(accountId);
        return (customer.ToParty(account?.Name ?? "", account?.NotificationEmail), customer.Language);
    }

    private static FollowedAccounts.BilledCustomer BilledCustomerDefaults(Guid accountId) => FollowedAccounts.BilledCustomer.For(accountId);
}
