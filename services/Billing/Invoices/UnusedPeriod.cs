using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;

namespace Reseller.Billing.Invoices;

/// <summary>
/// The unused rest of the period paid, when a switch to a new cadence starts a new period on the change day. What the new
/// period's payer paid itself is credited on its new invoice. What another payer paid is that payer's money, so it goes
/// back to it by a credit note, refunded after commit: the partner before its client took over paying, the client before
/// its partner did, a former partner (or a client under it) before the account moved in. Credited to the new payer
/// instead, one party's payment would lower another's price. So with what the new payer paid at another tax (its bill-to
/// moved country, or took a VAT id that reverse-charges it; a rate changed): a line of the new invoice would give that tax
/// back at the new invoice's rate, so a note on the invoice that charged it corrects it at its own.
/// </summary>
public sealed class UnusedPeriod(BillingDb db, InvoiceCrediting crediting)
{
    /// <summary>
    /// What <paramref name="payer"/> itself paid for the period running on <paramref name="changedOn"/> at the tax of the new
    /// invoice's <paramref name="heading"/> and has not used by then, net of tax, less what credit notes gave back. Reads
    /// only: a quote prices the switch with it.
    /// </summary>
    public async Task<long> PayersOwnAsync(BilledAccount account, string payer, DateOnly changedOn, InvoiceHeading heading, CancellationToken cancellationToken)
    {
        var paid = await PaidOn(account.AccountId, changedOn)
            .Where(i => i.TaxRate == heading.TaxRatePercent && i.ReverseCharge == heading.ReverseCharge)
            .Select(i => new
            {
                i.Payer,
                i.PartnerId,
                Paid = new PaidForPeriod(i.Total - i.Tax, i.Total, db.CreditNotes.Where(c => c.InvoiceId == i.Id).Sum(c => (long?)c.Amount) ?? 0,
                    i.PeriodStart, i.PeriodEnd),
            })
            .ToListAsync(cancellationToken);
        return paid.Where(p => PaidBy(p.Payer, p.PartnerId, payer, account.PartnerId)).Sum(p => p.Paid.UnusedOn(changedOn));
    }

    /// <summary>
    /// Gives back the unused rest of what the new invoice does not credit (<see cref="PayersOwnAsync"/>): every other payer's,
    /// and the payer's own at another tax than <paramref name="heading"/>'s, by a credit note on its invoice, inside the
    /// caller's transaction. Returns the notes whose card part the caller refunds after commit (<see cref="CardRefunds"/>).
    /// </summary>
    public Task<List<CreditNote>> RefundUncreditedAsync(BilledAccount account, string payer, DateOnly changedOn, InvoiceHeading heading,
        CancellationToken cancellationToken) =>
        RefundAsync(account, changedOn,
            paid => !(PaidBy(paid.Payer, paid.PartnerId, payer, account.PartnerId) && paid.IsTaxedAs(heading.TaxRatePercent, heading.ReverseCharge)),
            paid => PaidBy(paid.Payer, paid.PartnerId, payer, account.PartnerId) ? NewPeriodReason.AtAnotherTaxIn(paid.Language) : NewPeriodReason.In(paid.Language),
            cancellationToken);

    /// <summary>
    /// Gives back by a credit note the unused rest of each paid invoice of the period that <paramref name="refunded"/> picks,
    /// with the reason <paramref name="reasonFor"/> gives it, inside the caller's transaction; returns the notes to refund after commit.
    /// </summary>
    public async Task<List<CreditNote>> RefundAsync(BilledAccount account, DateOnly changedOn, Func<Invoice, bool> refunded, Func<Invoice, string> reasonFor,
        CancellationToken cancellationToken)
    {
        var paidIds = await PaidOn(account.AccountId, changedOn).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var notes = new List<CreditNote>();
        foreach (var id in paidIds)
        {
            var paid = (await crediting.LockAsync(id, cancellationToken))!;
            if (!refunded(paid))
            {
                continue;
            }
            var credited = await crediting.CreditedAsync(paid, cancellationToken);
            var left = credited.LeftOf(paid);
            var unused = Math.Min(Proration.UnusedCredit(Math.Max(left, 0), changedOn, paid.PeriodStart, paid.PeriodEnd), left);
            if (unused > 0)
            {
                notes.Add(await crediting.IssueAsync(paid, credited, unused, reasonFor(paid), cancellationToken));
            }
        }
        return notes;
    }

    /// <summary>
    /// Whether an invoice paid by <paramref name="paidBy"/> for <paramref name="paidForPartner"/> is the period's payer's own:
    /// the same payer under the same partner. A client's payment under a former partner is not (the account may have moved
    /// out to another owner and back in), nor a former partner's.
    /// </summary>
    private static bool PaidBy(string paidBy, Guid paidForPartner, string payer, Guid partnerId) => paidBy == payer && paidForPartner == partnerId;

    private IQueryable<Invoice> PaidOn(Guid accountId, DateOnly changedOn) =>
        db.Invoices.AsNoTracking().Where(i => i.AccountId == accountId && i.Status == InvoiceStatus.Paid && i.PeriodStart <= changedOn && i.PeriodEnd > changedOn);
}
