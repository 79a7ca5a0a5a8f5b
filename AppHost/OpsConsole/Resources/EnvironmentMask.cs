using System.Text.RegularExpressions;

namespace Reseller.AppHost.OpsConsole.Resources;

/// <summary>Hides the secrets of an environment shown in the console: keys, passwords, tokens, and connection strings' passwords.</summary>
public static partial class EnvironmentMask
{
    public const string Hidden = "••••••••";
    private static readonly string[] SecretWords = ["key", "secret", "password", "token", "credential"];

    public static string Mask(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }
        if (SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return Hidden;
        }
        return UrlPassword().Replace(PasswordSetting().Replace(value, "$1" + Hidden), "$1" + Hidden + "@");
    }

    [GeneratedRegex("((?:password|pwd)\\s*=\\s*)[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();

    [GeneratedRegex("(://[^:/@\\s]+:)[^@\\s]*@")]
    private static partial Regex UrlPassword();
}
