namespace Portal.Application.Common;

/// <summary>What a person types from an authenticator app: six digits, often shown as "123 456".</summary>
public static class TwoFactorCode
{
    public const int Digits = 6;
    /// <summary>Generous for typing with spaces, small enough that nothing silly reaches the checks.</summary>
    public const int MaxInputLength = 32;

    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static bool IsWellFormed(string? code) =>
        code is { Length: <= MaxInputLength } && Normalize(code) is { Length: Digits } digits && digits.All(char.IsAsciiDigit);
}
