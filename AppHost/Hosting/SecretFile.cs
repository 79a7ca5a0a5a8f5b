namespace Reseller.AppHost.Hosting;

internal static class SecretFile
{
    public static StoredSecret LoadOrCreate(string path, Func<string> generate)
    {
        var existing = ReadOrNull(path);
        if (!string.IsNullOrEmpty(existing))
        {
            return new StoredSecret(existing, Created: false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = generate();
        try
        {
            if (existing is not null)
            {
                File.Delete(path);
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(value);
        }
        catch (IOException) when (!string.IsNullOrEmpty(ReadOrNull(path)))
        {
            return new StoredSecret(ReadOrNull(path)!, Created: false);
        }

        return new StoredSecret(value, Created: true);
    }

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
