using System;
using System.IO;
using System.IO.Compression;

namespace MoSapi.Client
{
    /// <summary>Files served gzip-compressed as content (mtr reports), decompressed with a ceiling.</summary>
    internal static class GzipContent
    {
        /// <summary>
        /// An mtr report is a few kilobytes; anything that inflates past this is not one, and stopping early keeps a
        /// small hostile file from taking the memory of the session.
        /// </summary>
        public const int DefaultMaxBytes = 16 * 1024 * 1024;

        public static byte[] Gunzip(byte[] data, int offset, int count, string what, int maxBytes = DefaultMaxBytes)
        {
            // A server or proxy that also set Content-Encoding: gzip has had the file decoded already by the handler.
            if (!(count >= 2 && data[offset] == 0x1f && data[offset + 1] == 0x8b))
            {
                if (LooksLikeJson(data, offset, count))
                {
                    var copy = new byte[count];
                    Buffer.BlockCopy(data, offset, copy, 0, count);
                    return copy;
                }

                throw Json.JsonRead.Invalid(what, "it is not gzip-compressed");
            }

            try
            {
                using (var input = new MemoryStream(data, offset, count, writable: false))
                using (var gzip = new GZipStream(input, CompressionMode.Decompress))
                using (var output = new MemoryStream())
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        if (output.Length + read > maxBytes)
                        {
                            throw Json.JsonRead.Invalid(what, $"it decompresses to more than {maxBytes / (1024 * 1024)} MB");
                        }

                        output.Write(buffer, 0, read);
                    }

                    return output.ToArray();
                }
            }
            catch (InvalidDataException ex)
            {
                throw Json.JsonRead.Invalid(what, "its gzip data is corrupt: " + ex.Message, ex);
            }
            catch (EndOfStreamException ex)
            {
                throw Json.JsonRead.Invalid(what, "its gzip data is truncated", ex);
            }
        }

        private static bool LooksLikeJson(byte[] data, int offset, int count)
        {
            var i = offset;
            var end = offset + count;
            if (count >= 3 && data[i] == 0xEF && data[i + 1] == 0xBB && data[i + 2] == 0xBF)
            {
                i += 3;
            }

            while (i < end && (data[i] == (byte)' ' || data[i] == (byte)'\t' || data[i] == (byte)'\r' || data[i] == (byte)'\n'))
            {
                i++;
            }

            return i < end && data[i] == (byte)'{';
        }
    }
}
