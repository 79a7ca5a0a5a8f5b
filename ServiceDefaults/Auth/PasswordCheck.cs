using System.Runtime.CompilerServices;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Identity;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>
/// A login's password check. An unknown user, or one without a password, is checked against a stand-in hash made by the
/// same hasher, so the answer takes as long as for a wrong password and does not tell which e-mails exist. A right
/// password whose hash was made with older parameters comes back re-hashed with today's, for the caller to store.
/// </summary>
public static class PasswordCheck
{
    public static bool Verify<TUser>(IPasswordHasher<TUser> hasher, TUser? user, string? storedHash, string password, out string? upgradedHash)
        where TUser : class
    {
        upgradedHash = null;
        if (user is null || string.IsNullOrEmpty(storedHash))
        {
            hasher.VerifyHashedPassword(user!, StandIn<TUser>.HashFor(hasher), password);
            return false;
        }
        var result = hasher.VerifyHashedPassword(user, storedHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            upgradedHash = hasher.HashPassword(user, password);
        }
        return result != PasswordVerificationResult.Failed;
    }

    private static class StandIn<TUser> where TUser : class
    {
        private static readonly ConditionalWeakTable<IPasswordHasher<TUser>, string> Hashes = [];

        public static string HashFor(IPasswordHasher<TUser> hasher) =>
            Hashes.GetValue(hasher, h => h.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }
}
