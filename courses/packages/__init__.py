"""Course packages: IMS Common Cartridge and Open edX OLX in, Common Cartridge out (see docs/cursos-paquetes.md).

reader.py opens archives safely, xmlsafe.py parses their XML without entities, cartridge.py and
olx.py turn a package into the plain structure of structure.py, html_blocks.py sanitises HTML into
lesson body blocks, build.py writes the pages in one transaction, export.py writes a cartridge.
"""
