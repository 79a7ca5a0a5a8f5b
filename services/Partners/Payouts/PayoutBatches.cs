using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Payouts;

/// <summary>
/// Pays pending statements through the payout provider in batches. The statements join the batch and commit before the
/// provider is called, under the batch id that the provider takes as idempotency key: a batch whose answer was lost is sent
/// again under the same id and never pays twice. Outcomes are asked for later (<see cref="PayoutStatusJob"/>).
/// </summary>
public sealed class PayoutBatches(PartnersDb db, IPayoutProvider provider, MailOutbox mails, TimeProvider clock, ILogger<PayoutBatches> logger)
{
    public const string IdPrefix = "pob";

    /// <summary>Puts the pending statements with something to pay (all, or those named) in a new batch and sends it; answers the batch id, null when none was.</summary>
    public Task<Guid?> StartAsync(IReadOnlyCollection<Guid>? statementIds, CancellationToken cancellationToken) =>
        StartAsync(statementIds, held: null, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(IReadOnlyCollection{Guid}?, CancellationToken)"/>; a statement whose partner has no PayPal
    /// e-mail is never sent with an empty receiver: it is held instead (as a statement closed without one is) and added to
    /// <paramref name="held"/>, so one partner's missing e-mail never keeps the others unpaid.
    /// </summary>
    public async Task<Guid?> StartAsync(IReadOnlyCollection<Guid>? statementIds, ICollection<Statement>? held, CancellationToken cancellationToken)
    {
        // A month whose credit notes took back as much as it earned, or more, owes the partner nothing: a provider refuses a
        // payout of zero or less, and with it the whole batch, every other partner's statement included.
        var pending = db.Statements.Where(s => s.Status == StatementStatus.Pending && s.Total > 0);
        if (statementIds is not null)
        {
            pending = pending.Where(s => statementIds.Contains(s.Id));
        }
        // A later month that closed negative (its credit notes took back commission an earlier month earned) is owed back
        // until a later statement carries it: while it is, the partner's earlier months in that currency wait, so what was
        // refunded is never paid out. They are paid once the partner's statements net positive again.
        var owedBack = db.Statements.OwedBack();
        pending = pending.Where(s => !owedBack.Any(o => o.PartnerId == s.PartnerId && o.Currency == s.Currency));
        var statements = await pending.OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var partnerIds = statements.Select(s => s.PartnerId).Distinct().ToList();
        var receivers = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id) && p.PaypalEmail != null && p.PaypalEmail != "")
            .ToDictionaryAsync(p => p.Id, p => p.PaypalEmail!, cancellationToken);
        foreach (var unreachable in statements.Where(s => !receivers.ContainsKey(s.PartnerId)).ToList())
        {
            unreachable.Hold();
            held?.Add(unreachable);
            statements.Remove(unreachable);
            logger.LogWarning("Statement {StatementId} is held, not paid out: its partner {PartnerId} has no PayPal e-mail", unreachable.Id, unreachable.PartnerId);
        }
        if (statements.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var batchId = Guid.CreateVersion7();
        statements.ForEach(s => s.StartPayout(batchId, receivers[s.PartnerId]));
        await db.SaveChangesAsync(cancellationToken);
        if (await SendAsync(batchId, cancellationToken) is { } refusal)
        {
            throw new PayoutRefusedException(refusal);
        }
        return batchId;
    }

    /// <summary>
    /// Sends (or sends again) a batch; a failure leaves it to be sent again by the job. A refusal for good puts its statements
    /// back to pending with the provider's reason, and is answered (null otherwise).
    /// </summary>
    public async Task<string?> SendAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var statements = await db.Statements.Where(s => s.PayoutBatchId == batchId && s.Status == StatementStatus.Processing).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        if (statements.Count == 0)
        {
            return null;
        }
        // A statement that joined its batch before receivers were kept with it takes its partner's e-mail now, as it did then.
        var partnerIds = statements.Where(s => s.PayoutReceiver is null).Select(s => s.PartnerId).Distinct().ToList();
        var emails = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.PaypalEmail ?? "", cancellationToken);
        var request = new PayoutBatchRequest(
            PublicId.Format(IdPrefix, batchId),
            "Your commission payout",
            statements.Select(s => new PayoutItemRequest(
                PublicId.Format(StatementResponse.IdPrefix, s.Id), s.PayoutReceiver ?? emails[s.PartnerId], s.Total, s.Currency, $"Commission statement {CommissionMonth.Format(s.Month)}")).ToList());
        try
        {
            var providerBatchId = await provider.SendAsync(request, cancellationToken);
            statements.ForEach(s => s.PayoutSent(providerBatchId));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (PayoutRefusedException refused)
        {
            // Sent again under its id, the batch would be refused again at every run, and none of its partners ever paid.
            statements.ForEach(s => s.PayoutFailed($"The payout provider refused the batch: {refused.Reason}"));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogError("Payout batch {BatchId} was refused by the payout provider ({Reason}); its {Count} statement(s) are pending again",
                request.SenderBatchId, refused.Reason, statements.Count);
            return refused.Reason;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Payout batch {BatchId} was not sent; it is sent again under the same id", request.SenderBatchId);
        }
        return null;
    }

    /// <summary>Applies a sent batch's outcomes: paid (mailed by CommissionStatementPaid) or pending again with the reason (mailed here).</summary>
    public async Task<int> ApplyOutcomesAsync(string providerBatchId, CancellationToken cancellationToken)
    {
        var outcomes = (await provider.OutcomesAsync(providerBatchId, cancellationToken)).ToDictionary(o => o.SenderItemId, StringComparer.Ordinal);
        var statements = await db.Statements.Where(s => s.ProviderBatchId == providerBatchId && s.Status == StatementStatus.Processing).ToListAsync(cancellationToken);
        var partnerIds = statements.Select(s => s.PartnerId).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var applied = 0;
        foreach (var statement in statements)
        {
            if (!outcomes.TryGetValue(PublicId.Format(StatementResponse.IdPrefix, statement.Id), out var outcome) || outcome.Status == PayoutItemStatus.Pending)
            {
                continue;
            }
            var partner = partners[statement.PartnerId];
            if (outcome.Status == PayoutItemStatus.Succeeded)
            {
                statement.PayoutSucceeded(outcome.ProviderItemId ?? providerBatchId, now);
                db.Publish(new CommissionStatementPaid(statement.Id, statement.PartnerId, statement.Month, statement.Total, statement.Currency,
                    statement.PayoutReference!, statement.PayoutReceiver ?? partner.PaypalEmail ?? "", now), now);
            }
            else
            {
                statement.PayoutFailed(outcome.Reason ?? "failed");
                var month = CommissionMonth.Format(statement.Month);
                mails.Queue(db, new OutgoingMail(partner.Email, $"Commission statement {month} not paid out",
                    $"""
                    The payout of your commission statement for {month} ({statement.Total / 100m:0.00} {statement.Currency}) to {partner.PaypalEmail} did not go through: {statement.PayoutFailure}.
                    Check your PayPal e-mail in your profile; the statement will be paid in a later payout.
                    """), now);
            }
            applied++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return applied;
    }
}
