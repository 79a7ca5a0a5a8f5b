using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Payments;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Invoices;

/// <summary>
/// Issues the invoice for an account's next period (priced now, discounted by the partner's paid accounts now) and records
/// the card payment to attempt. Runs inside the caller's transaction; returns the payment to charge after commit, if any.
/// </summary>
public sealed class PeriodInvoicer(BillingDb db, PlanPricer pricer, PaidAccountCounter counter, InvoiceNumbering numbering, Issuing.InvoiceHeadings headings, TimeProvider clock)
{
    public async Task<Guid?> InvoiceNextPeriodAsync(BilledAccount account, string purpose, CancellationToken cancellationToken)
    {
        if (purpose == InvoicePurposes.Renewal)
        {
            account.ApplyScheduledPlan();
        }
        var (start, end) = account.NextPeriod();
        var price = pricer.Price(account.Plan, await DiscountPercentAsync(account, cancellationToken));
        if (purpose == InvoicePurposes.Renewal)
        {
            account.RenewalInvoiced(start);
        }
        return await InvoiceAsync(account, new IssueInvoice(account.PartnerId, account.AccountId, account.Payer, purpose, start, end), price, cancellationToken);
    }

    /// <summary>
    /// The renewal invoices of a batch of claimed due accounts: the partners' paid accounts counted once for the batch, the
    /// invoice numbers taken in one statement, last. Returns the payments to charge after commit.
    /// </summary>
    public async Task<List<Guid>> InvoiceRenewalsAsync(IReadOnlyList<BilledAccount> due, CancellationToken cancellationToken)
    {
        var partners = due.Where(a => a.Payer == Payers.Partner).Select(a => a.PartnerId).Distinct().ToList();
        var paidAccounts = await counter.CountByPartnerAsync(partners, cancellationToken);
        var headingsByAccount = await headings.ForAccountsAsync(due, cancellationToken);
        var issues = new List<(BilledAccount Account, IssueInvoice Details, PriceBreakdown Price, Issuing.InvoiceHeading Heading)>(due.Count);
        foreach (var account in due)
        {
            // As stored (before its scheduled plan applies), the account is among its partner's counted paid accounts when it
            // is paid: the count is then the others plus the account itself, as the reseller discount wants.
            var countedItself = PaidAccounts.IsPaid(account.Payer, account.Cadence, account.Status);
            account.ApplyScheduledPlan();
            var (start, end) = account.NextPeriod();
            var discount = account.Payer == Payers.Partner
                ? ResellerDiscount.PercentFor(paidAccounts.GetValueOrDefault(account.PartnerId) - (countedItself ? 1 : 0) + 1)
                : 0;
            account.RenewalInvoiced(start);
            var details = new IssueInvoice(account.PartnerId, account.AccountId, account.Payer, InvoicePurposes.Renewal, start, end);
            issues.Add((account, details, pricer.Price(account.Plan, discount), headingsByAccount[account.AccountId]));
        }
        if (issues.Count == 0)
        {
            return [];
        }
        var issued = await numbering.ReserveAsync(InvoiceNumbering.PlatformIssuer, issues.Count, clock.GetUtcNow(), cancellationToken);
        var payments = new List<Guid>(issues.Count);
        for (var i = 0; i < issues.Count; i++)
        {
            if (Issue(issues[i].Account, issues[i].Details, issues[i].Price, issues[i].Heading, issued.Numbers[i], issued.IssuedAt, issues[i].Account.BillingProfileId) is { } paymentId)
            {
                payments.Add(paymentId);
            }
        }
        return payments;
    }

    /// <summary>The reseller discount for a charge to this account now: partner payer only, the account itself counted.</summary>
    public Task<int> DiscountPercentAsync(BilledAccount account, CancellationToken cancellationToken) =>
        DiscountPercentAsync(account.PartnerId, account.Payer, account.AccountId, cancellationToken);

    /// <summary>The reseller discount for a charge to this payer of the partner for the account, the account itself counted.</summary>
    public async Task<int> DiscountPercentAsync(Guid partnerId, string payer, Guid accountId, CancellationToken cancellationToken) =>
        payer == Payers.Partner
            ? ResellerDiscount.PercentFor(await counter.CountAsync(partnerId, accountId, cancellationToken) + 1)
            : 0;

    /// <summary>Issues an invoice for the account and records the charge of what is due on its card; a zero total is paid at once.</summary>
    public Task<Guid?> InvoiceAsync(BilledAccount account, IssueInvoice details, PriceBreakdown price, CancellationToken cancellationToken) =>
        InvoiceAsync(account, details, price, account.BillingProfileId, cancellationToken);

    /// <summary>As <see cref="InvoiceAsync(BilledAccount, IssueInvoice, PriceBreakdown, CancellationToken)"/>, charged to <paramref name="card"/>.</summary>
    public async Task<Guid?> InvoiceAsync(BilledAccount account, IssueInvoice details, PriceBreakdown price, Guid? card, CancellationToken cancellationToken)
    {
        var heading = await headings.ForAsync(details.PartnerId, details.AccountId, details.Payer, cancellationToken);
        var (number, issuedAt) = await numbering.NextAsync(clock.GetUtcNow(), cancellationToken);
        return Issue(account, details, price, heading, number, issuedAt, card);
    }

    /// <summary>
    /// Replaces an open period invoice in dunning by one at <paramref name="price"/> (<see cref="Invoice.ReplaceWith"/>),
    /// addressed as of today; nothing is charged now: the replacement waits for dunning's next retry, or is paid at once if
    /// it costs nothing. Returns the replacement.
    /// </summary>
    public async Task<Invoice> ReplaceAsync(BilledAccount account, Invoice replaced, PriceBreakdown price, CancellationToken cancellationToken)
    {
        var heading = await headings.ForAsync(replaced.PartnerId, replaced.AccountId, replaced.Payer, cancellationToken);
        var (number, now) = await numbering.NextAsync(clock.GetUtcNow(), cancellationToken);
        var replacement = replaced.ReplaceWith(number, price, now, heading);
        await db.SaveChangesAsync(cancellationToken);
        Record(account, replacement, now);
        return replacement;
    }

    private Guid? Issue(BilledAccount account, IssueInvoice details, PriceBreakdown price, Issuing.InvoiceHeading heading, string number, DateTimeOffset now, Guid? card)
    {
        var invoice = Invoice.Issue(details, number, price, now, heading);
        if (Record(account, invoice, now))
        {
            return null;
        }
        if (card is not { } profileId)
        {
            // A renewal without a card is in dunning like a declined one: a card chosen before a retry pays it.
            FailedCharges.Register(db, invoice, account, FailedCharges.NoCard, now);
            return null;
        }
        var payment = Payment.Start(invoice.Id, details.PartnerId, profileId, invoice.AmountDue, invoice.Currency, now);
        db.Payments.Add(payment);
        return payment.Id;
    }

    /// <summary>Adds an issued invoice and announces it; one of nothing is paid at once, its period with it. True when paid.</summary>
    private bool Record(BilledAccount account, Invoice invoice, DateTimeOffset now)
    {
        db.Invoices.Add(invoice);
        db.Publish(InvoiceEvents.Issued(invoice), now);
        db.CountOnCommit(() => BillingMetrics.CountInvoice(invoice.Purpose));
        if (invoice.Status != InvoiceStatus.Paid)
        {
            return false;
        }
        if (InvoicePeriods.CoversPeriod(invoice.Purpose))
        {
            account.PeriodPaid(invoice.PeriodStart, invoice.PeriodEnd);
        }
        db.Publish(InvoiceEvents.Paid(invoice), now);
        return true;
    }
}
