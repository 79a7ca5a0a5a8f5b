using System.Security.Cryptography;

namespace Reseller.Partners.Referrals;

/// <summary>Referral codes: short, random, unambiguous (no 0/o, 1/l), so they survive being read aloud or typed.</summary>
public static class ReferralCodes
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    public const int Length = 12;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}
