namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// Reads just enough of an OTLP ExportTraceServiceRequest (protobuf wire format) to know which service sent which span of
/// which trace: resource_spans(1) → resource(1).attributes(1){key(1), value(2).string_value(1)}; scope_spans(2) → spans(2){trace_id(1), name(5)}.
/// </summary>
public static class OtlpProtobuf
{
    public static IEnumerable<ReceivedSpan> ReadSpans(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1))
                .Select(Attribute)
                .FirstOrDefault(a => a.Key == "service.name").Value ?? "unknown";
            foreach (var span in Fields(resourceSpans, 2).SelectMany(scope => Fields(scope, 2)))
            {
                var traceId = Convert.ToHexStringLower(Fields(span, 1).FirstOrDefault() ?? []);
                var name = System.Text.Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []);
                yield return new ReceivedSpan(service, traceId, name);
            }
        }
    }

    private static (string Key, string? Value) Attribute(byte[] keyValue)
    {
        var key = System.Text.Encoding.UTF8.GetString(Fields(keyValue, 1).FirstOrDefault() ?? []);
        var value = Fields(keyValue, 2).SelectMany(any => Fields(any, 1)).Select(v => System.Text.Encoding.UTF8.GetString(v)).FirstOrDefault();
        return (key, value);
    }

    /// <summary>The length-delimited fields with the given number.</summary>
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    ReadVarint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    if (field == number)
                    {
                        found.Add(message[position..(position + length)]);
                    }
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported wire type in field {field}.");
            }
        }
        return found;
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
