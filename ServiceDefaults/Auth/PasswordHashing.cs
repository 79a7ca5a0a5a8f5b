using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// Every human-chosen password is hashed with ASP.NET Core's PasswordHasher (format V3: PBKDF2-HMAC-SHA512, random salt,
/// PRF and iteration count stored with the hash, so older hashes still verify) at OWASP's 2023 figure for that PRF. The
/// hasher also verifies a generated password's fast hash (<see cref="GeneratedSecretHash"/>, <see cref="PlatformPasswordHasher{TUser}"/>).
/// </summary>
public static class PasswordHashing
{
    /// <summary>OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA512, 210,000 iterations.</summary>
    public const int OwaspPbkdf2Sha512Iterations = 210_000;

    /// <summary>Lets the test suites hash faster; ignored in Production when it asks for fewer than OWASP's figure.</summary>
    public const string IterationsKey = "Passwords:Pbkdf2Iterations";

    public static IServiceCollection AddPlatformPasswordHasher<TUser>(this IHostApplicationBuilder builder) where TUser : class
    {
        var iterations = IterationsFor(builder.Configuration, builder.Environment);
        builder.Services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = iterations;
        });
        return builder.Services.AddSingleton<IPasswordHasher<TUser>, PlatformPasswordHasher<TUser>>();
    }

    public static int IterationsFor(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetValue<int?>(IterationsKey);
        return configured is not { } wanted || wanted < 1 || (environment.IsProduction() && wanted < OwaspPbkdf2Sha512Iterations)
            ? OwaspPbkdf2Sha512Iterations
            : wanted;
    }
}
