namespace Reseller.Billing.Invoices;

/// <summary>
/// Consecutive numbers of a series, in order, and the time to date them: the time asked for, or the time of the series'
/// previous number when that is later (the asker waited for the series' lock while another issued), so that numbers and
/// dates run in the same order.
/// </summary>
public sealed record IssuedNumbers(IReadOnlyList<string> Numbers, DateTimeOffset IssuedAt);
