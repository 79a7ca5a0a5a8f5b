namespace Reseller.Accounts.Snapshots;

public sealed record SnapshotSettings(string Language, string TimeZone);
