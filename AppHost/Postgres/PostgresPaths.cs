namespace Reseller.AppHost.Postgres;

internal sealed record PostgresPaths(string DataDirectory, string SocketDirectory);
