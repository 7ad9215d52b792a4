using System.Reflection;
using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Documents;

namespace Portal.UnitTests.Domain;

public sealed class DomainErrorTests
{
    public static TheoryData<string> Errors() =>
        [.. typeof(DomainErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Errors))]
    public void Every_placeholder_of_a_refusal_has_its_argument(string name)
    {
        var error = (DomainError)typeof(DomainErrors).GetField(name)!.GetValue(null)!;
        var highest = Regex.Matches(error.Message, @"\{(\d+)").Select(m => int.Parse(m.Groups[1].Value) + 1).DefaultIfEmpty(0).Max();

        error.Arguments.Length.ShouldBe(highest);
        error.Text.ShouldNotContain("{");
    }

    [Fact]
    public void The_exception_message_names_the_limit_the_rule_checks()
    {
        new DomainException(DomainErrors.DocumentTooManyLines).Message.ShouldBe($"A document can have at most {Document.MaxLines} lines.");
        new DomainException(DomainErrors.DocumentLineQuantityInvalid).Message
            .ShouldBe("A line's quantity must be more than 0 and at most 100,000, with at most four decimal places.");
    }
}
