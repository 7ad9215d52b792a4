namespace Portal.Bench.Seed;

/// <summary>
/// `--contacts N` (all contacts, companies included), `--history N` (activity entries, outbox mails and the bench
/// customer's documents, N each), `--customer-login`; the customer's password comes from BENCH_CUSTOMER_PASSWORD.
/// </summary>
internal sealed record SeedOptions(int Contacts, int History, string CustomerLogin, string CustomerPassword)
{
    public static SeedOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var password = Environment.GetEnvironmentVariable("BENCH_CUSTOMER_PASSWORD");
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("BENCH_CUSTOMER_PASSWORD is not set.");
        return new SeedOptions(int.Parse(Value("--contacts") ?? "1000"), int.Parse(Value("--history") ?? "0"),
            Value("--customer-login") ?? "customer@bench.example", password);
    }
}
