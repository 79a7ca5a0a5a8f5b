namespace Reseller.AppHost.Hosting;

internal sealed record StoredSecret(string Value, bool Created);
