include "./self.vcl";
