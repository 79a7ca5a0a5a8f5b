using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Billing.BilledPartners;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.Invoices.Issuing;

/// <summary>
/// The heading of an invoice about to be issued: the issuer from configuration, the payer's bill-to (the partner's legal
/// details, or the customer's own), its language, the tax rate for the payer's country and the payment term.
/// </summary>
public sealed class InvoiceHeadings(BillingDb db, IOptions<IssuerOptions> issuer, IOptions<InvoicingOptions> invoicing)
{
    /// <summary>
    /// The heading for <paramref name="payer"/>; a customer with no account yet (quoting a new customer-paid account) is
    /// known by nothing, as a customer that pays without a bill-to address: taxed at the issuer's country's rate.
    /// </summary>
    public async Task<InvoiceHeading> ForAsync(Guid partnerId, Guid? accountId, string payer, CancellationToken cancellationToken)
    {
        var from = issuer.Value.ToParty();
        var (billTo, language) = payer != Payers.Customer ? await PartnerAsync(partnerId, cancellationToken)
            : accountId is { } account ? await CustomerAsync(account, cancellationToken)
            : (new InvoiceParty(), InvoiceLanguages.English);
        return Heading(from, billTo, language);
    }

    /// <summary>
    /// The headings of a batch of accounts' invoices, by account id: every bill-to party read in two queries, none per
    /// invoice (a partner without legal details on record would otherwise be looked for once per account).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, InvoiceHeading>> ForAccountsAsync(IReadOnlyCollection<BilledAccount> accounts, CancellationToken cancellationToken)
    {
        var partnerIds = accounts.Where(a => a.Payer != Payers.Customer).Select(a => a.PartnerId).Distinct().ToList();
        var partners = await db.BilledPartners.AsNoTracking().Where(p => partnerIds.Contains(p.PartnerId)).ToDictionaryAsync(p => p.PartnerId, cancellationToken);
        var customerIds = accounts.Where(a => a.Payer == Payers.Customer).Select(a => a.AccountId).ToList();
        var customers = await db.BilledCustomers.AsNoTracking().Where(c => customerIds.Contains(c.AccountId)).ToDictionaryAsync(c => c.AccountId, cancellationToken);
        var from = issuer.Value.ToParty();
        var headings = new Dictionary<Guid, InvoiceHeading>(accounts.Count);
        foreach (var account in accounts)
        {
            var (billTo, language) = account.Payer == Payers.Customer
                ? Customer(account, customers.GetValueOrDefault(account.AccountId))
                : Partner(partners.GetValueOrDefault(account.PartnerId));
            headings[account.AccountId] = Heading(from, billTo, language);
        }
        return headings;
    }

    private InvoiceHeading Heading(InvoiceParty from, InvoiceParty billTo, string language)
    {
        var (rate, reverseCharge) = TaxRule.For(from, billTo, invoicing.Value.TaxRates);
        return new InvoiceHeading(from, billTo, language, rate, reverseCharge, Math.Max(0, invoicing.Value.PaymentTermDays));
    }

    private async Task<(InvoiceParty, string)> PartnerAsync(Guid partnerId, CancellationToken cancellationToken) =>
        Partner(await db.BilledPartners.FindAsync([partnerId], cancellationToken));

    private async Task<(InvoiceParty, string)> CustomerAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.BilledAccounts.FindAsync([accountId], cancellationToken);
        var customer = await db.BilledCustomers.FindAsync([accountId], cancellationToken) ?? BilledCustomer.For(accountId);
        return (customer.ToParty(account?.Name ?? "", account?.NotificationEmail), customer.Language);
    }

    private static (InvoiceParty, string) Partner(BilledPartner? partner) =>
        partner is null ? (new InvoiceParty(), InvoiceLanguages.English) : (partner.ToParty(), partner.Language);

    private static (InvoiceParty, string) Customer(BilledAccount account, BilledCustomer? customer)
    {
        customer ??= BilledCustomer.For(account.AccountId);
        return (customer.ToParty(account.Name, account.NotificationEmail), customer.Language);
    }
}
