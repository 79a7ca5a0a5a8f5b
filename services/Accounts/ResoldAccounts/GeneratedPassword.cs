using System.Security.Cryptography;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>A new account's admin password: 24 characters of a 57-letter alphabet without look-alikes, about 140 random bits.</summary>
public static class GeneratedPassword
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 24;

    /// <summary>Enough (≥ 128 bits) for its hash to be a fast one (<see cref="Reseller.ServiceDefaults.Auth.GeneratedSecretHash"/>).</summary>
    public static double EntropyBits { get; } = Length * Math.Log2(Alphabet.Length);

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
