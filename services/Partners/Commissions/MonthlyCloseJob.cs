using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Partners.Commissions;

/// <summary>
/// Closes every past calendar month (UTC) that has open earnings into one statement per partner, netting the partner's
/// earlier statements that closed negative (what refunds took back beyond a month's earnings). Safe with several
/// instances: each (partner, month) is closed under the partner's lock, and the unique (partner, month) key refuses a
/// second statement whatever happens.
/// </summary>
public sealed class MonthlyCloseJob(PartnersDb db, ILogger<MonthlyCloseJob> logger) : IDueJob
{
    public string Name => "commission_close";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var currentMonth = EarningRules.MonthOf(now);
        var due = await db.Earnings.AsNoTracking()
            .Where(e => e.StatementId == null && e.Month < currentMonth)
            .Select(e => new { e.PartnerId, e.Month }).Distinct()
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var item in due.OrderBy(d => d.Month))
        {
            closed += await CloseAsync(item.PartnerId, item.Month, now, cancellationToken) ? 1 : 0;
        }
        return closed;
    }

    private async Task<bool> CloseAsync(Guid partnerId, DateOnly month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CommissionLedger.LockPartnerAsync(db, partnerId, cancellationToken);
        if (await db.Statements.AnyAsync(s => s.PartnerId == partnerId && s.Month == month, cancellationToken))
        {
            // Another instance closed it first; anything that arrived since went to the open month.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        var lines = await db.Earnings.Where(e => e.PartnerId == partnerId && e.Month == month && e.StatementId == null).ToListAsync(cancellationToken);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, cancellationToken);
        var currency = lines.FirstOrDefault()?.Currency ?? partner.Currency;
        var owedBack = await db.Statements
            .Where(s => s.PartnerId == partnerId && s.Currency == currency && s.Month < month && s.Total < 0
                        && (s.Status == StatementStatus.Pending || s.Status == StatementStatus.Held))
            .ToListAsync(cancellationToken);
        var statement = Statement.Close(partnerId, month, lines, currency, partner.PaypalEmail is not null, now, owedBack);
        db.Statements.Add(statement);
        await db.SaveChangesAsync(cancellationToken);
        await db.Earnings.Where(e => e.PartnerId == partnerId && e.Month == month && e.StatementId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.StatementId, statement.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Closed {Month} for partner {PartnerId}: {Lines} lines, {CarriedIn} carried from {Carried} earlier statements, total {Total}",
            month, partnerId, lines.Count, statement.CarriedIn, owedBack.Count, statement.Total);
        return true;
    }
}
