using Microsoft.Extensions.Hosting;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>This process's service name ("Reseller.Partners" → "partners"): the issuer of its tokens and the audience of calls made to it.</summary>
public sealed record ServiceIdentity(string Name)
{
    public static ServiceIdentity From(IHostEnvironment environment) =>
        new(environment.ApplicationName.Split('.')[^1].ToLowerInvariant());
}
