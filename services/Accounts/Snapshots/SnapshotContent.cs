using Reseller.Accounts.Customization;
using Reseller.Contracts.Catalog;

namespace Reseller.Accounts.Snapshots;

/// <summary>What a snapshot keeps of an account: the plan's shape, branding, product settings and templates.</summary>
public sealed record SnapshotContent(PlanRequest Plan, Branding Branding, SnapshotSettings Settings, IReadOnlyList<Template> Templates);
