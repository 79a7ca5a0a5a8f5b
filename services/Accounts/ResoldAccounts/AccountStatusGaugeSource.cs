using System.Diagnostics.Metrics;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>Counts the accounts in each status (every status reported, 0 included, so a series never vanishes).</summary>
public sealed class AccountStatusGaugeSource : IGaugeSource
{
    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AccountsDb>();
        var counts = await db.Accounts.AsNoTracking().GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);
        AccountsMetrics.StatusReadings.Set(Enum.GetValues<AccountStatus>().Select(status => new Measurement<long>(
            counts.GetValueOrDefault(status), new KeyValuePair<string, object?>("status", AccountStatuses.NameOf(status)))));
    }
}
