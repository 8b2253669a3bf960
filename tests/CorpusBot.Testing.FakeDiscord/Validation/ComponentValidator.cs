using System.Globalization;
using System.Text.Json;

namespace CorpusBot.Testing.FakeDiscord;

/// <summary>Message component rules (component reference: Action Row, Button, String Select, legacy behaviour).</summary>
internal sealed partial class ComponentValidator
{
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int Section = 9;
    private const int TextDisplay = 10;
    private const int Container = 17;
    private const int LinkStyle = 5;
    private const int PremiumStyle = 6;
    private const int MaxLegacyRows = 5;
    private const int MaxV2Total = 40;
    private static readonly int[] SelectTypes = [3, 5, 6, 7, 8];
    private static readonly int[] V2TopLevel = [1, 9, 10, 12, 13, 14, 17];
    private static readonly int[] ContainerChildren = [1, 9, 10, 12, 13, 14];

    private readonly FormErrors _errors;
    private readonly HashSet<string> _customIds = new(StringComparer.Ordinal);
    private int _count;

    private ComponentValidator(FormErrors errors) => _errors = errors;

    public static void Validate(JsonElement components, string path, bool componentsV2, FormErrors errors)
    {
        if (components.ValueKind != JsonValueKind.Array)
        {
            errors.Reject(path, "BASE_TYPE_LIST", "components must be an array.");
            return;
        }

        var validator = new ComponentValidator(errors);
        if (!componentsV2 && components.GetArrayLength() > MaxLegacyRows)
        {
            errors.Reject(path, "BASE_TYPE_MAX_LENGTH", $"Messages without IS_COMPONENTS_V2 allow at most {MaxLegacyRows} action rows (got {components.GetArrayLength()}).");
        }

        validator.Children(components, path, componentsV2 ? V2TopLevel : [ActionRow], componentsV2 ? "IS_COMPONENTS_V2 message" : "message without IS_COMPONENTS_V2 (only action rows)");
        if (componentsV2 && validator._count > MaxV2Total)
        {
            errors.Reject(path, "BASE_TYPE_MAX_LENGTH", $"IS_COMPONENTS_V2 messages allow at most {MaxV2Total} components in total (got {validator._count}).");
        }
    }

    private void Children(JsonElement list, string path, int[] allowedTypes, string where)
    {
        var index = 0;
        foreach (var component in list.EnumerateArray())
        {
            var itemPath = FormErrors.Join(path, index.ToString(CultureInfo.InvariantCulture));
            index++;
            var type = TypeOf(component, itemPath);
            if (type is null)
            {
                continue;
            }

            if (!allowedTypes.Contains(type.Value))
            {
                _errors.Reject(itemPath, "UNION_TYPE_CHOICES", $"Component type {type} is not allowed here ({where}).");
                continue;
            }

            Component(component, type.Value, itemPath);
        }
    }

    private void Component(JsonElement component, int type, string path)
    {
        switch (type)
        {
            case ActionRow:
                Row(component, path);
                break;
            case Section:
                if (Json.HasValue(component, "components", out var texts) && texts.ValueKind == JsonValueKind.Array)
                {
                    Children(texts, FormErrors.Join(path, "components"), [TextDisplay], "section");
                }

                if (Json.HasValue(component, "accessory", out var accessory) && TypeOf(accessory, FormErrors.Join(path, "accessory")) is { } accessoryType)
                {
                    if (accessoryType == Button)
                    {
                        ButtonComponent(accessory, FormErrors.Join(path, "accessory"));
                    }
                }

                break;
            case Container:
                if (Json.HasValue(component, "components", out var inner) && inner.ValueKind == JsonValueKind.Array)
                {
                    Children(inner, FormErrors.Join(path, "components"), ContainerChildren, "container");
                }

                break;
            case TextDisplay:
                if (Json.String(component, "content") is null)
                {
                    _errors.Reject(FormErrors.Join(path, "content"), "BASE_TYPE_REQUIRED", "This field is required.");
                }

                break;
        }
    }

    private void Row(JsonElement row, string path)
    {
        var childrenPath = FormErrors.Join(path, "components");
        if (!Json.HasValue(row, "components", out var children) || children.ValueKind != JsonValueKind.Array || children.GetArrayLength() == 0)
        {
            _errors.Reject(childrenPath, "BASE_TYPE_REQUIRED", "An action row needs 1 to 5 buttons or exactly one select menu.");
            return;
        }

        var types = children.EnumerateArray().Select(c => Json.Integer(c, "type")).ToList();
        var selects = types.Count(t => t is { } v && SelectTypes.Contains((int)v));
        if (selects > 0 && children.GetArrayLength() > 1)
        {
            _errors.Reject(childrenPath, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "An action row with a select menu may contain only that select menu.");
        }
        else if (children.GetArrayLength() > 5)
        {
            _errors.Reject(childrenPath, "BASE_TYPE_MAX_LENGTH", $"An action row holds at most 5 buttons (got {children.GetArrayLength()}).");
        }

        var index = 0;
        foreach (var child in children.EnumerateArray())
        {
            var childPath = FormErrors.Join(childrenPath, index.ToString(CultureInfo.InvariantCulture));
            index++;
            var type = TypeOf(child, childPath);
            if (type == Button)
            {
                ButtonComponent(child, childPath);
            }
            else if (type is { } t && SelectTypes.Contains(t))
            {
                Select(child, t, childPath);
            }
            else if (type is not null)
            {
                _errors.Reject(childPath, "UNION_TYPE_CHOICES", $"Component type {type} cannot be placed in an action row of a message.");
            }
        }
    }

    private int? TypeOf(JsonElement component, string path)
    {
        if (component.ValueKind != JsonValueKind.Object || Json.Integer(component, "type") is not { } type)
        {
            _errors.Reject(FormErrors.Join(path, "type"), "BASE_TYPE_REQUIRED", "Each component must be an object with an integer type.");
            return null;
        }

        if (type != Button && !SelectTypes.Contains((int)type))
        {
            _count++; // buttons and selects are counted where they are validated
        }

        return (int)type;
    }
}
