namespace Reseller.AppHost.Hosting;

internal sealed class ResourceNames
{
    private readonly HashSet<string> claimed = new(StringComparer.OrdinalIgnoreCase);

    public void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{name}' is not a valid resource name (lowercase letters, digits, '-')", nameof(name));
        }

        if (!claimed.Add(name))
        {
            throw new ArgumentException($"a resource named '{name}' already exists", nameof(name));
        }
    }
}
