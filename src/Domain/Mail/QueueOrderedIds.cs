using System.Security.Cryptography;

namespace Portal.Domain.Mail;

/// <summary>
/// Version 7 GUIDs (RFC 9562) that count up in the order this process asks for them, even within one millisecond: the 12 bits
/// after the timestamp are a counter (the RFC's "method 1") instead of random. EF writes the rows of one save in the order of
/// their keys, so mail queued in one transaction reaches the database, and its <c>Sequence</c>, in the order it was queued.
/// </summary>
internal static class QueueOrderedIds
{
    private const int MaxCounter = 0xFFF;
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds = -1;
    private static int _counter;

    public static Guid Next(DateTimeOffset now)
    {
        long milliseconds;
        int counter;
        lock (Gate)
        {
            milliseconds = Math.Max(now.ToUnixTimeMilliseconds(), _lastMilliseconds);
            if (milliseconds == _lastMilliseconds && _counter < MaxCounter)
            {
                _counter++;
            }
            else
            {
                // A new millisecond, or this one's counter is used up: the next millisecond keeps the order.
                if (milliseconds == _lastMilliseconds) milliseconds++;
                _counter = 0;
            }
            _lastMilliseconds = milliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
