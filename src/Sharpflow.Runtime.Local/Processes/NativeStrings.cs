using System.Runtime.InteropServices;

namespace Sharpflow.Runtime.Local.Processes;

/// <summary>A NULL-terminated array of UTF-8 C strings in native memory, as argv and envp are passed to exec.</summary>
internal readonly unsafe struct NativeStrings : IDisposable
{
    private NativeStrings(byte** pointer, int count)
    {
        Pointer = pointer;
        Count = count;
    }

    public byte** Pointer { get; }

    public int Count { get; }

    public static NativeStrings Allocate(IReadOnlyList<string> values)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = (byte*)Marshal.StringToCoTaskMemUTF8(values[i]);
        }

        return new NativeStrings(array, values.Count);
    }

    public void Dispose()
    {
        for (var i = 0; i < Count; i++)
        {
            Marshal.FreeCoTaskMem((nint)Pointer[i]);
        }

        NativeMemory.Free(Pointer);
    }
}
