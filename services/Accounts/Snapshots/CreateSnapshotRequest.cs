using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Snapshots;

/// <summary>The body of a snapshot creation is optional; a label helps the partner find it again.</summary>
public sealed record CreateSnapshotRequest(string? Label) : IValidatedRequest
{
    public const int MaxLabelLength = 200;

    public void Validate(ValidationErrors errors) =>
        errors.When(Label is { Length: > MaxLabelLength }, "label", $"label must be at most {MaxLabelLength} characters.");
}
