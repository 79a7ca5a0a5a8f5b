namespace Reseller.ServiceDefaults.Clock;

/// <summary>Time-driven work (renewals, expiries, closes). Must be safe when several instances run it at once.</summary>
public interface IDueJob
{
    string Name { get; }

    /// <summary>Runs everything due up to <paramref name="now"/>; returns how many items it processed.</summary>
    Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
