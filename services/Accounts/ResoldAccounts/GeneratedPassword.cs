using System.Security.Cryptography;

namespace Reseller.Accounts.ResoldAccounts;

public static class GeneratedPassword
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 20);
}
