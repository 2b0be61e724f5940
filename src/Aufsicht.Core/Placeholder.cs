namespace Aufsicht.Core; internal static class Placeholder;
