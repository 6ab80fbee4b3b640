"""Paper: the merged print file, separator sheets, print selection and the print record."""
