using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// Hashes every password with PBKDF2 (<see cref="PasswordHasher{TUser}"/>) and verifies both kinds of stored hash: PBKDF2 and
/// a generated secret's SHA-256 (<see cref="GeneratedSecretHash"/>). Checking the latter also runs one PBKDF2 verification
/// on a stand-in, so a login takes as long whichever kind the user has and does not tell who still has a generated password.
/// </summary>
public sealed class PlatformPasswordHasher<TUser>(IOptions<PasswordHasherOptions> options) : IPasswordHasher<TUser> where TUser : class
{
    private readonly PasswordHasher<TUser> pbkdf2 = new(options);
    private readonly Lazy<string> standIn = new(() => new PasswordHasher<TUser>(options).HashPassword(null!, RandomSecret.New()));

    public string HashPassword(TUser user, string password) => pbkdf2.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(TUser user, string hashedPassword, string providedPassword)
    {
        if (!GeneratedSecretHash.IsOne(hashedPassword))
        {
            return pbkdf2.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
        pbkdf2.VerifyHashedPassword(user, standIn.Value, providedPassword);
        return GeneratedSecretHash.Matches(hashedPassword, providedPassword) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;
    }
}
