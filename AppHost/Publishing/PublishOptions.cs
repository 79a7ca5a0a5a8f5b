namespace Reseller.AppHost.Publishing;

public sealed record PublishOptions(string Output, DataTier DataTier, string Registry, string Tag);
