using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

using Reseller.Accounts.Data;
using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.DomainEvents;

namespace Reseller.Accounts.Audit;

/// <summary>
/// Audits every change to an account row, whatever code made it (partner endpoints, Billing's events, jobs, transfers),
/// in the same SaveChanges: one line per changed account naming the fields, old → new. Code that records its own, more
/// specific line with <see cref="AuditTrail"/> in the same unit of work is not audited twice.
/// </summary>
public sealed class AccountChangeAudit(IHttpContextAccessor http) : DomainEventRecorder<AggregateModified>
{
    public const string SystemActor = "system";

    protected override void Handle(DbContext db, AggregateModified modified, DateTimeOffset now)
    {
        if (db is not AccountsDb accounts || modified.Aggregate is not Account account)
        {
            return;
        }
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.AccountId == account.Id))
        {
            return;
        }
        var user = http.HttpContext?.User;
        var actor = user?.Identity?.IsAuthenticated == true ? AuditTrail.Actor(user) : SystemActor;
        var (action, detail) = Describe(db.Entry(account));
        accounts.Record(account.Id, actor, action, now, detail);
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
