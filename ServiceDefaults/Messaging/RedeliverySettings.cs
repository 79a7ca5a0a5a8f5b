namespace Reseller.ServiceDefaults.Messaging;

/// <summary>
/// How a message waiting for an earlier event is redelivered (section <c>Messaging:Redelivery</c>): after the endpoint's
/// immediate retries, again after <see cref="FirstDelay"/>, each delay twice the one before up to <see cref="MaxDelay"/>,
/// at most <see cref="MaxDeferrals"/> times; then it goes to the error queue. The defaults wait about 12 minutes in all.
/// </summary>
public sealed class RedeliverySettings
{
    public const string Section = "Messaging:Redelivery";

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxDeferrals { get; set; } = 15;

    /// <summary>The wait before the <paramref name="deferral"/>th redelivery (1 for the first).</summary>
    public TimeSpan DelayBefore(int deferral)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deferral, 1);
        var delay = FirstDelay;
        for (var i = 1; i < deferral && delay < MaxDelay; i++)
        {
            delay *= 2;
        }
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
