using Portal.Web.Api;

namespace Portal.UnitTests.Application;

public sealed class ApiFieldNamesTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("Details.PostalCode", "postalCode")]
    [InlineData("Lines[1].Quantity", "lines[1].quantity")]
    [InlineData("Document.Lines[0].UnitPrice", "lines[0].unitPrice")]
    [InlineData("", "")]
    public void A_nested_record_is_flattened_while_a_list_keeps_its_items(string property, string field) =>
        ApiFieldNames.Of(property).ShouldBe(field);

    [Theory]
    [InlineData("$.lines[0].quantity", "lines[0].quantity")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void A_json_path_names_the_same_field_as_a_validation_failure(string? path, string field) =>
        ApiFieldNames.OfJsonPath(path).ShouldBe(field);
}
