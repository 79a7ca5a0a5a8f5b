using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Reseller.Accounts.Accounts;
using Reseller.Accounts.Data;
using Reseller.Contracts.Accounts;

namespace Reseller.Accounts.Audit;

/// <summary>
/// Audits every change to an account row, whatever code made it (partner endpoints, Billing's events, jobs, transfers),
/// in the same SaveChanges: one line per changed account naming the fields, old → new. Code that records its own, more
/// specific line with <see cref="AuditTrail"/> in the same unit of work is not audited twice.
/// </summary>
public sealed class AccountChangeAudit(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public const string SystemActor = "system";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    private void Record(DbContext? context)
    {
        if (context is not AccountsDb db)
        {
            return;
        }
        db.ChangeTracker.DetectChanges();
        var explicitlyAudited = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.AccountId).ToHashSet();
        var changed = db.ChangeTracker.Entries<Account>()
            .Where(e => e.State == EntityState.Modified || (e.State == EntityState.Unchanged && HasChangedParts(e)))
            .Where(e => !explicitlyAudited.Contains(e.Entity.Id))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var user = http.HttpContext?.User;
        var actor = user?.Identity?.IsAuthenticated == true ? AuditTrail.Actor(user) : SystemActor;
        var now = clock.GetUtcNow();
        foreach (var entry in changed)
        {
            var (action, detail) = Describe(entry);
            db.Record(entry.Entity.Id, actor, action, now, detail);
        }
    }

    private static (string Action, string Detail) Describe(EntityEntry<Account> entry)
    {
        var parts = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(Account.Version) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => $"{p.Metadata.GetColumnName()}: {Show(p.OriginalValue)} → {Show(p.CurrentValue)}")
            .ToList();
        var planChanged = entry.References.Any(r => r.Metadata.Name == nameof(Account.Plan) && r.TargetEntry is { } t && IsChanged(t));
        if (planChanged)
        {
            var plan = entry.Entity.Plan;
            parts.Add($"plan → {plan.Product}/{plan.Tier} contacts {plan.Contacts?.ToString() ?? "-"} seats {plan.Seats?.ToString() ?? "-"} "
                + $"add-ons [{string.Join(", ", plan.AddOns.Select(a => $"{a.Code}×{a.Quantity}"))}] {plan.Cadence}");
        }
        parts.AddRange(entry.References.Where(r => r.Metadata.Name != nameof(Account.Plan) && r.TargetEntry is { } t && IsChanged(t)).Select(r => $"{r.Metadata.Name.ToLowerInvariant()} changed"));
        var statusChanged = entry.Property(a => a.Status) is { IsModified: true } s && s.OriginalValue != s.CurrentValue;
        var action = statusChanged ? "account.status_changed" : planChanged ? "account.plan_changed" : "account.updated";
        return (action, string.Join("; ", parts));
    }

    private static bool HasChangedParts(EntityEntry entry) => entry.References.Any(r => r.TargetEntry is { } t && IsChanged(t));

    private static bool IsChanged(EntityEntry entry) =>
        entry.State is EntityState.Modified or EntityState.Added or EntityState.Deleted
        || entry.References.Any(r => r.TargetEntry is { } t && IsChanged(t))
        || entry.Collections.Any(c => c.CurrentValue is { } items && items.Cast<object>().Any(i => entry.Context.Entry(i).State != EntityState.Unchanged));

    private static string Show(object? value) => value switch
    {
        null => "∅",
        AccountStatus status => AccountStatuses.NameOf(status),
        DateTimeOffset at => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        string { Length: > 80 } text => text[..80] + "…",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
