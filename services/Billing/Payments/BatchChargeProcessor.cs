using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Profiles;
using Reseller.Contracts.Accounts;

namespace Reseller.Billing.Payments;

/// <summary>
/// Charges many recorded payment attempts at once: read together, charged concurrently (each with its own attempt id as
/// idempotency key, outside any transaction), and recorded together in one transaction that locks the attempts in id order.
/// The guarantees are <see cref="ChargeProcessor"/>'s: an attempt left pending by a crash is finished by the recovery job
/// with the same key, and whichever instance records an attempt first wins. An attempt that may use prepaid credit goes
/// through <see cref="ChargeProcessor"/> alone, as its reservation in Credits is a conversation of its own.
/// </summary>
public sealed class BatchChargeProcessor(
    BillingDb db,
    ChargeProcessor oneByOne,
    IPaymentProvider provider,
    PrepaidPayments prepaid,
    UnmatchedChargeRefunds refunds,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<BatchChargeProcessor> logger)
{
    /// <summary>Provider calls in flight at once: a remote provider answers in tens or hundreds of milliseconds.</summary>
    private const int Parallelism = 32;

    /// <summary>Charges the attempts still pending among <paramref name="paymentIds"/>; returns how many it recorded.</summary>
    public async Task<int> ProcessAsync(IReadOnlyCollection<Guid> paymentIds, CancellationToken cancellationToken)
    {
        if (paymentIds.Count == 0)
        {
            return 0;
        }
        db.ChangeTracker.Clear();
        var payments = await db.Payments.AsNoTracking().Where(p => paymentIds.Contains(p.Id) && p.Status == PaymentStatus.Pending).ToListAsync(cancellationToken);
        var invoiceIds = payments.Select(p => p.InvoiceId).ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var profileIds = payments.Select(p => p.BillingProfileId).Distinct().ToList();
        var cards = await db.BillingProfiles.AsNoTracking().Where(p => profileIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var buyers = await prepaid.BuyersAmongAsync(
            invoices.Values.Where(i => i.Payer == Payers.Partner).Select(i => i.PartnerId).Distinct().ToList(), cancellationToken);
        // Never sent (no prepaid part fixed yet): one whose invoice was settled otherwise, or whose card may not pay it, fails
        // without calling the provider, as ChargeProcessor decides. Decided before anything is fixed, so a repeat after a
        // recording that failed decides it the same way and never sends it.
        var outcomes = new ChargeOutcome?[payments.Count];
        for (var i = 0; i < payments.Count; i++)
        {
            if (payments[i].PrepaidAmount is null && NotSent(payments[i], invoices[payments[i].InvoiceId], cards[payments[i].BillingProfileId]) is { } failure)
            {
                outcomes[i] = new ChargeOutcome(payments[i].Id, ChargeResult.Failure(failure));
            }
        }
        // The card alone pays these, and a repeat must ask it for the same amount: no prepaid part is recorded before charging.
        var cardOnly = await prepaid.FixNoPrepaidAsync(
            [.. payments.Where((p, i) => outcomes[i] is null
                && (p.PrepaidAmount is 0 || (p.PrepaidAmount is null && !PrepaidPayments.MayUsePrepaid(invoices[p.InvoiceId], buyers.Contains(invoices[p.InvoiceId].PartnerId)))))
                .Select(p => p.Id)],
            cancellationToken);

        var alone = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, payments.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    await ChargeOneAsync(index, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A lost answer, a refusal: this attempt is left pending for the recovery job (same key); the batch goes on.
                    logger.LogWarning(ex, "Payment {PaymentId}: charging failed; left pending for recovery", payments[index].Id);
                }
            });

        var charged = outcomes.OfType<ChargeOutcome>().ToList();
        return alone + await RecordAsync(charged, cancellationToken);

        async Task ChargeOneAsync(int index, CancellationToken token)
        {
            var payment = payments[index];
            var card = cards[payment.BillingProfileId];
            if (outcomes[index] is not null)
            {
                return;
            }
            if (!cardOnly.Contains(payment.Id))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<ChargeProcessor>().ProcessAsync(payment.Id, token))
                {
                    Interlocked.Increment(ref alone);
                }
                return;
            }
            var started = Stopwatch.GetTimestamp();
            var result = await provider.ChargeAsync(card.ProviderToken, payment.Amount, payment.Currency, payment.Id.ToString("N"), token);
            BillingMetrics.ChargeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            outcomes[index] = new ChargeOutcome(payment.Id, result);
        }
    }

    /// <summary>Why an attempt not sent yet is not sent at all (<see cref="ChargeProcessor.ProcessAsync"/> decides the same); null when it is.</summary>
    private string? NotSent(Payment payment, Invoice invoice, BillingProfile card)
    {
        if (invoice.Status != InvoiceStatus.Open)
        {
            return ChargeProcessor.InvoiceSettled;
        }
        if (ChargeProcessor.RefusalOf(card, invoice.Payer, invoice.PartnerId, invoice.AccountId) is { } refusal)
        {
            logger.LogWarning("Payment {PaymentId}: billing profile {BillingProfileId} may not pay the {Payer} payer's invoice ({Refusal}); refused", payment.Id, card.Id, invoice.Payer, refusal);
            return refusal;
        }
        return null;
    }

    private async Task<int> RecordAsync(List<ChargeOutcome> charged, CancellationToken cancellationToken)
    {
        if (charged.Count == 0)
        {
            return 0;
        }
        try
        {
            return await RecordTogetherAsync(charged, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another writer changed one of the invoices or accounts meanwhile (or one outcome cannot be applied): each
            // outcome is recorded on its own instead, so one attempt never keeps the others of its batch unrecorded.
            logger.LogInformation("Recording {Count} charges together failed ({Error}); recording them one by one", charged.Count, ex.Message);
            var recorded = 0;
            foreach (var outcome in charged)
            {
                try
                {
                    recorded += await oneByOne.RecordAsync(outcome.PaymentId, outcome.Result, 0, cancellationToken) ? 1 : 0;
                }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    // Left pending: the recovery job settles it under the same idempotency key.
                    logger.LogError(one, "Payment {PaymentId}: its charge outcome could not be recorded; left pending for recovery", outcome.PaymentId);
                }
            }
            return recorded;
        }
    }

    private async Task<int> RecordTogetherAsync(List<ChargeOutcome> charged, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        int recorded;
        List<Guid> unmatched = [];
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var ids = charged.Select(o => o.PaymentId).ToArray();
            var pending = (await db.Payments.FromSql($"SELECT * FROM payments WHERE id = ANY({ids}) ORDER BY id FOR UPDATE").ToListAsync(cancellationToken))
                .Where(p => p.Status == PaymentStatus.Pending)
                .ToDictionary(p => p.Id);
            var invoiceIds = pending.Values.Select(p => p.InvoiceId).ToList();
            var invoices = await db.Invoices.Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var accountIds = invoices.Values.Where(i => i.AccountId is not null).Select(i => i.AccountId!.Value).Distinct().ToList();
            var accounts = await db.BilledAccounts.Where(a => accountIds.Contains(a.AccountId)).ToDictionaryAsync(a => a.AccountId, cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var outcome in charged)
            {
                if (!pending.TryGetValue(outcome.PaymentId, out var payment))
                {
                    continue;
                }
                var invoice = invoices[payment.InvoiceId];
                var account = invoice.AccountId is { } accountId ? accounts.GetValueOrDefault(accountId) : null;
                await oneByOne.ApplyOutcomeAsync(payment, invoice, account, outcome.Result, 0, now, cancellationToken);
                if (payment.AwaitsRefund)
                {
                    unmatched.Add(payment.Id);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            recorded = pending.Count;
        }
        // Charges whose invoices were meanwhile settled otherwise go back, once committed as unmatched.
        await refunds.RefundEachAsync(unmatched, cancellationToken);
        return recorded;
    }

    private sealed record ChargeOutcome(Guid PaymentId, ChargeResult Result);
}
