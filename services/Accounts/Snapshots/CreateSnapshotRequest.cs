namespace Reseller.Accounts.Snapshots;

/// <summary>The body of a snapshot creation is optional; a label helps the partner find it again.</summary>
public sealed record CreateSnapshotRequest(string? Label);
