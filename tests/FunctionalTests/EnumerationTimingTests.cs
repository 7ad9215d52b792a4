using System.Diagnostics;
using Portal.FunctionalTests.Support;

namespace Portal.FunctionalTests;

/// <summary>
/// Forgot-password and sign-in answer an address without an account in the time they take for one with: the time tells
/// nothing. Medians of alternating requests, with a margin a busy machine keeps; the work itself is compared in the handler tests.
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Independent)]
public sealed class EnumerationTimingTests(ProductionHashingFactory factory) : IClassFixture<ProductionHashingFactory>
{
    // Generous for a busy 2-core machine; doing the work in the request made the account 7 times slower than no account.
    private const double MaxRatio = 2.5;

    [Fact]
    public async Task Forgot_password_takes_as_long_for_an_unknown_address_as_for_an_account()
    {
        const string email = "tim.timing@example.com";
        using var admin = await factory.SignedInAdminAsync();
        (await factory.ActiveCustomerAsync(admin, "Tim Timing", email)).Customer.Dispose();
        using var visitor = factory.NewBrowser();

        var mailsSent = (await factory.Smtp.WaitForAsync(email)).Count;

        // Only the post is timed: opening the form is the same for everyone.
        async Task<double> ForgotAsync(string address)
        {
            var form = await visitor.GetAsync("/account/forgot-password");
            var started = Stopwatch.GetTimestamp();
            await visitor.SubmitAsync(form, fields: new Dictionary<string, string?> { ["Input.Email"] = address },
                buttonSelector: "main form button[type=submit]", followRedirects: false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (address == email)
            {
                // The link is issued and mailed after the answer; once that is done it can't slow the next request timed.
                await factory.Smtp.WaitForAsync(email, ++mailsSent);
                await Task.Delay(50);
            }
            return elapsed;
        }

        var (known, unknown) = await MediansAsync(21, () => ForgotAsync(email), () => ForgotAsync("nobody.timing@example.com"));

        Ratio(known, unknown).ShouldBeLessThan(MaxRatio, $"account {known:F2} ms, unknown {unknown:F2} ms");
    }

    [Fact]
    public async Task Sign_in_takes_as_long_for_an_unknown_address_as_for_an_account_with_a_wrong_password()
    {
        const string email = "sina.timing@example.com";
        using var admin = await factory.SignedInAdminAsync();
        (await factory.ActiveCustomerAsync(admin, "Sina Timing", email)).Customer.Dispose();
        using var visitor = factory.NewBrowser();

        async Task<double> SignInAsync(string address)
        {
            var started = Stopwatch.GetTimestamp();
            await visitor.SignInAsync(address, "Wrong-Guess-Pebble-River-1");
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var (known, unknown) = await MediansAsync(7, () => SignInAsync(email), () => SignInAsync("nobody.timing@example.com"));

        Ratio(known, unknown).ShouldBeLessThan(MaxRatio, $"account {known:F2} ms, unknown {unknown:F2} ms");
    }

    private static double Ratio(double a, double b) => Math.Max(a, b) / Math.Max(0.01, Math.Min(a, b));

    /// <summary>Alternates the two requests after a warm-up of each, so that a slow moment of the machine hits both alike.</summary>
    private static async Task<(double First, double Second)> MediansAsync(int rounds, Func<Task<double>> first, Func<Task<double>> second)
    {
        await first();
        await second();
        var (a, b) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            a.Add(await first());
            b.Add(await second());
        }
        return (Median(a), Median(b));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
